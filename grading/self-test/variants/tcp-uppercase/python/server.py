# TCP uppercase server (Kurose & Ross 2.7.2) in Python: answers every line of every client with its uppercase.
import argparse
import socketserver
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--port', type=int, required=True)
args, _ = parser.parse_known_args()


class UppercaseHandler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            # rfile yields whole lines, the last one without b"\n" when the client ends its stream.
            for line in self.rfile:
                text = line.rstrip(b'\n').decode('utf-8', 'replace')
                self.wfile.write(text.upper().encode('utf-8') + b'\n')
        except ConnectionResetError:
            pass


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


with Server(('127.0.0.1', args.port), UppercaseHandler) as server:
    print(f'server: listening on 127.0.0.1:{args.port} (TCP)', file=sys.stderr, flush=True)
    server.serve_forever()
