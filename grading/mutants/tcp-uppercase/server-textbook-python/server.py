# TCPServer.py from Kurose & Ross 2.7.2 as it is, with the port taken from --port.
import sys
from socket import *

serverPort = int(sys.argv[sys.argv.index('--port') + 1])
serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.bind(('127.0.0.1', serverPort))
serverSocket.listen(1)
print('The server is ready to receive', file=sys.stderr)
while True:
    connectionSocket, addr = serverSocket.accept()
    sentence = connectionSocket.recv(1024).decode()
    capitalizedSentence = sentence.upper()
    connectionSocket.send(capitalizedSentence.encode())
    connectionSocket.close()
