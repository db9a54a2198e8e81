# TCP uppercase client (Kurose & Ross 2.7.2) in Python: sends each line of stdin, prints each answer.
import argparse
import os
import socket
import sys
import threading

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, required=True)
args, _ = parser.parse_known_args()

try:
    connection = socket.create_connection((args.host, args.port))
except OSError as error:
    print(f'client: cannot connect to {args.host}:{args.port}: {error}', file=sys.stderr)
    sys.exit(1)


def reset(error):
    print(f'client: the server reset the connection: {error}', file=sys.stderr, flush=True)
    os._exit(1)


def send_stdin():
    # Send while the answers are read, so a long input never fills both directions at once.
    try:
        for line in sys.stdin.buffer:
            connection.sendall(line if line.endswith(b'\n') else line + b'\n')
        connection.shutdown(socket.SHUT_WR)
    except ConnectionResetError as error:
        # The kernel reports a reset once, to the first call on the socket: here, if this send came before the
        # reader's recv (which then just sees the end of the stream).
        reset(error)
    except OSError:
        pass


threading.Thread(target=send_stdin, daemon=True).start()
try:
    for answer in connection.makefile('rb'):
        sys.stdout.buffer.write(answer if answer.endswith(b'\n') else answer + b'\n')
        sys.stdout.buffer.flush()
except ConnectionResetError as error:
    reset(error)
