# UDPServer.py from Kurose & Ross 2.7.1, with the port taken from --port.
import sys
from socket import *

serverPort = int(sys.argv[sys.argv.index('--port') + 1])
serverSocket = socket(AF_INET, SOCK_DGRAM)
serverSocket.bind(('127.0.0.1', serverPort))
print('The server is ready to receive', file=sys.stderr)
while True:
    message, clientAddress = serverSocket.recvfrom(2048)
    modifiedMessage = message.decode().upper()
    serverSocket.sendto(modifiedMessage.encode(), clientAddress)
