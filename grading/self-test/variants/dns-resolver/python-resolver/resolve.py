"""A DNS stub resolver in Python, written apart from the reference: the suite must give it full marks."""
import json
import secrets
import socket
import struct
import sys

TYPES = {'A': 1, 'NS': 2, 'CNAME': 5, 'MX': 15, 'TXT': 16, 'AAAA': 28}
NAMES = {code: name for name, code in TYPES.items()}
RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED']


class Unreadable(Exception):
    pass


def options(argv):
    opts, rest, i = {'type': 'A', 'timeout': '1000'}, [], 0
    while i < len(argv):
        if argv[i].startswith('--') and i + 1 < len(argv):
            opts[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return opts, rest


def encode_name(name):
    out = b''
    for label in name.rstrip('.').split('.'):
        raw = label.encode()
        if not raw or len(raw) > 63:
            raise ValueError(f'bad label {label!r}')
        out += bytes([len(raw)]) + raw
    out += b'\0'
    if len(out) > 255:
        raise ValueError('name too long')
    return out


def read_name(msg, at):
    labels, jumps, end = [], set(), None
    while True:
        if at >= len(msg):
            raise Unreadable('name past the end')
        n = msg[at]
        if n == 0:
            return '.'.join(labels), (end if end is not None else at + 1)
        if n & 0xC0 == 0xC0:
            if at + 1 >= len(msg):
                raise Unreadable('pointer cut')
            target = ((n & 0x3F) << 8) | msg[at + 1]
            if target in jumps or target >= len(msg):
                raise Unreadable('bad pointer')
            jumps.add(target)
            end = at + 2 if end is None else end
            at = target
        elif n & 0xC0:
            raise Unreadable('reserved label type')
        else:
            if at + 1 + n > len(msg):
                raise Unreadable('label past the end')
            labels.append(msg[at + 1:at + 1 + n].decode('latin-1'))
            at += 1 + n


def ipv6(raw):
    return socket.inet_ntop(socket.AF_INET6, raw)


def decode(msg, asked, qtype):
    if len(msg) < 12:
        return None
    qid, flags, qd, an = struct.unpack('!HHHH', msg[:8])
    return qid, flags, qd, an


def question_of(msg):
    name, at = read_name(msg, 12)
    if at + 4 > len(msg):
        raise Unreadable('question cut')
    qtype, qclass = struct.unpack('!HH', msg[at:at + 4])
    return name, qtype, qclass, at + 4


def answers_of(msg, at, count):
    out = []
    for _ in range(count):
        name, at = read_name(msg, at)
        if at + 10 > len(msg):
            raise Unreadable('record past the end')
        rtype, _, ttl, length = struct.unpack('!HHIH', msg[at:at + 10])
        at += 10
        if at + length > len(msg):
            raise Unreadable('rdata past the end')
        rdata = msg[at:at + length]
        data = None
        if rtype == 1 and length == 4:
            data = '.'.join(str(b) for b in rdata)
        elif rtype == 28 and length == 16:
            data = ipv6(rdata)
        elif rtype in (2, 5):
            data = read_name(msg, at)[0]
        elif rtype == 15:
            data = {'preference': struct.unpack('!H', rdata[:2])[0], 'exchange': read_name(msg, at + 2)[0]}
        elif rtype == 16:
            data, i = [], 0
            while i < length:
                data.append(rdata[i + 1:i + 1 + rdata[i]].decode('utf-8'))
                i += 1 + rdata[i]
        elif rtype in NAMES:
            raise Unreadable('bad rdata')
        if data is not None:
            out.append({'name': name, 'type': NAMES[rtype], 'ttl': ttl, 'data': data})
        at += length
    return out


def main():
    opts, rest = options(sys.argv[1:])
    server, port, qtype = opts.get('server'), int(opts.get('port', '0')), opts['type'].upper()
    timeout = int(opts['timeout']) / 1000
    name = rest[0]
    try:
        qname = encode_name(name)
    except ValueError as error:
        print(f'resolve: {error}', file=sys.stderr)
        return 2
    qid = secrets.randbits(16)
    query = struct.pack('!HHHHHH', qid, 0x0100, 1, 0, 0, 0) + qname + struct.pack('!HH', TYPES[qtype], 1)

    def ours(msg):
        head = decode(msg, name, qtype)
        if head is None or head[0] != qid or not head[1] & 0x8000 or head[2] != 1:
            return False
        qn, qt, qc, _ = question_of(msg)
        return qn.lower() == name.rstrip('.').lower() and qt == TYPES[qtype] and qc == 1

    reply = None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _ in range(3):
            sock.sendto(query, (server, port))
            sock.settimeout(timeout)
            try:
                while reply is None:
                    msg, sender = sock.recvfrom(65535)
                    if sender == (server, port) and ours(msg):
                        reply = msg
            except socket.timeout:
                continue
            break
    if reply is None:
        print(f'resolve: no reply from {server}:{port}', file=sys.stderr)
        return 1
    if reply[2] & 0x02:
        with socket.create_connection((server, port), timeout=timeout * 3) as tcp:
            tcp.sendall(struct.pack('!H', len(query)) + query)
            data = b''
            while len(data) < 2 or len(data) < 2 + struct.unpack('!H', data[:2])[0]:
                chunk = tcp.recv(65535)
                if not chunk:
                    raise Unreadable('TCP closed early')
                data += chunk
            reply = data[2:2 + struct.unpack('!H', data[:2])[0]]
    qid2, flags, _, count = decode(reply, name, qtype)
    qn, _, _, at = question_of(reply)
    rcode = flags & 0xF
    print(json.dumps({'question': {'name': qn, 'type': qtype}, 'rcode': RCODES[rcode] if rcode < 6 else rcode,
                      'authoritative': bool(flags & 0x0400), 'answers': answers_of(reply, at, count)}))
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except (Unreadable, UnicodeDecodeError, struct.error, IndexError) as error:
        print(f'resolve: unreadable reply: {error}', file=sys.stderr)
        sys.exit(1)
