// The socket layer's public face: one recorded stream, scripted server peers, and the kit's one pause and deadline.
export { sleep, waitUntil } from './deadline.ts';
export { WakeSignal } from './wake-signal.ts';
export { RecordedStream, StreamClosed, type Framing, type StreamSides } from './recorded-stream.ts';
export { TcpServerPeer, type TcpSession, type SessionInfo } from './tcp-server-peer.ts';
export { UdpServerPeer, type UdpSession, type UdpReplier, type DatagramIn } from './udp-server-peer.ts';
export { peerRandom, startPeer, type PeerFactory, type PeerOptions, type PeerPlan, type PeerTable, type StartedPeer } from './peer-plan.ts';
