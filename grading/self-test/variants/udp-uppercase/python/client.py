# UDP uppercase client (Kurose & Ross 2.7.1) in Python: sends one line of stdin, prints the reply.
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, required=True)
parser.add_argument('--timeout', type=float, default=1000)
args, _ = parser.parse_known_args()

line = sys.stdin.buffer.readline().rstrip(b'\r\n')
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
    client.settimeout(args.timeout / 1000)
    client.sendto(line, (args.host, args.port))
    try:
        reply, _ = client.recvfrom(65535)
    except socket.timeout:
        print(f'client: no reply from {args.host}:{args.port} within {args.timeout:g} ms', file=sys.stderr)
        sys.exit(1)
sys.stdout.buffer.write(reply + b'\n')
