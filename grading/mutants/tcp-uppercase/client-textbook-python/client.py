# TCPClient.py from Kurose & Ross 2.7.2, stretched to many lines: it sends all of stdin at once and reads the
# answers with one recv(1024), as the textbook reads its one answer.
import sys
from socket import *

serverName = sys.argv[sys.argv.index('--host') + 1]
serverPort = int(sys.argv[sys.argv.index('--port') + 1])
clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect((serverName, serverPort))
sentence = sys.stdin.read()
clientSocket.send(sentence.encode())
modifiedSentence = clientSocket.recv(1024)
print(modifiedSentence.decode(), end='')
clientSocket.close()
