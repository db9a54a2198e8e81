# The textbook's web server (Kurose & Ross, chapter 2 programming assignment), grown a little: one connection at a
# time, one recv() per request, every connection closed after one answer.
import mimetypes
import os
import sys
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket
from urllib.parse import unquote

args = sys.argv[1:]
port = int(args[args.index('--port') + 1])
root = os.path.realpath(args[args.index('--root') + 1])

TYPES = {'.html': 'text/html', '.txt': 'text/plain', '.css': 'text/css', '.js': 'text/javascript',
         '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
         '.gif': 'image/gif', '.svg': 'image/svg+xml'}

serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
serverSocket.bind(('127.0.0.1', port))
serverSocket.listen(1)

def answer(status, body=b'', ctype='text/plain'):
    head = 'HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n' % (status, ctype, len(body))
    return head.encode() + body

while True:
    connectionSocket, addr = serverSocket.accept()
    try:
        message = connectionSocket.recv(1024).decode('latin-1')
        parts = message.split()
        if len(parts) < 3:
            connectionSocket.send(answer('400 Bad Request'))
        elif parts[0] not in ('GET', 'HEAD'):
            connectionSocket.send(answer('405 Method Not Allowed'))
        else:
            path = os.path.realpath(os.path.join(root, unquote(parts[1].split('?')[0]).lstrip('/')))
            if os.path.isdir(path):
                path = os.path.join(path, 'index.html')
            if not path.startswith(root + os.sep):
                connectionSocket.send(answer('403 Forbidden'))
            else:
                with open(path, 'rb') as f:
                    data = f.read()
                ext = os.path.splitext(path)[1]
                reply = answer('200 OK', data, TYPES.get(ext, 'application/octet-stream'))
                connectionSocket.sendall(reply if parts[0] == 'GET' else reply[:reply.index(b'\r\n\r\n') + 4])
    except IOError:
        connectionSocket.send(answer('404 Not Found'))
    except Exception as error:
        print('error:', error, file=sys.stderr)
    connectionSocket.close()
