# UDP uppercase server (Kurose & Ross 2.7.1) in Python: answers every datagram with its uppercase.
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument('--port', type=int, required=True)
args, _ = parser.parse_known_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
    server.bind(('127.0.0.1', args.port))
    print(f'server: listening on 127.0.0.1:{args.port} (UDP)', file=sys.stderr, flush=True)
    while True:
        message, client = server.recvfrom(65535)
        # Bytes that are not UTF-8 are replaced rather than ending the server.
        server.sendto(message.decode('utf-8', 'replace').upper().encode('utf-8'), client)
