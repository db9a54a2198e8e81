# SMTP client in Python, the way a student who knows the contract writes it: socket, a file for reading lines.
import argparse
import email.utils
import socket
import sys
import uuid
from email.header import Header

parser = argparse.ArgumentParser()
parser.add_argument('--host', default='127.0.0.1')
parser.add_argument('--port', type=int, required=True)
parser.add_argument('--from', dest='sender', required=True)
parser.add_argument('--to', action='append', required=True)
parser.add_argument('--subject', default='')
parser.add_argument('--helo', default='localhost')
args, _ = parser.parse_known_args()


class Failure(Exception):
    pass


def read_reply(lines):
    text = []
    while True:
        line = lines.readline()
        if not line:
            raise Failure('the server closed the connection')
        line = line.decode('utf-8', 'replace').rstrip('\r\n')
        text.append(line)
        if line[3:4] != '-':
            code = int(line[:3])
            if code == 421:
                raise Failure(' | '.join(text))
            return code, ' | '.join(text)


def main():
    body = sys.stdin.buffer.read().decode('utf-8')
    try:
        sock = socket.create_connection((args.host, args.port), timeout=10)
    except OSError as error:
        print(f'client: cannot connect: {error}', file=sys.stderr)
        return 1
    lines = sock.makefile('rb')

    def command(line):
        sock.sendall(line.encode('utf-8') + b'\r\n')
        return read_reply(lines)

    def give_up(what, reply):
        try:
            command('QUIT')
        except (Failure, OSError):
            pass
        raise Failure(f'{what}: {reply}')

    try:
        code, text = read_reply(lines)
        if code != 220:
            give_up('greeting', text)
        code, text = command(f'EHLO {args.helo}')
        if code in (500, 502, 504):
            code, text = command(f'HELO {args.helo}')
        if code // 100 != 2:
            give_up('hello refused', text)
        code, text = command(f'MAIL FROM:<{args.sender}>')
        if code // 100 != 2:
            give_up('MAIL FROM refused', text)
        accepted = 0
        for rcpt in args.to:
            code, text = command(f'RCPT TO:<{rcpt}>')
            if code // 100 == 2:
                accepted += 1
            else:
                print(f'client: {rcpt} refused: {text}', file=sys.stderr)
        if accepted == 0:
            give_up('no recipient accepted', '')
        code, text = command('DATA')
        if code != 354:
            give_up('DATA refused', text)
        subject = Header(args.subject, 'utf-8').encode(linesep='\r\n')
        headers = [
            f'From: {args.sender}',
            f'To: {", ".join(args.to)}',
            f'Subject: {subject}',
            f'Date: {email.utils.formatdate(localtime=True)}',
            f'Message-ID: <{uuid.uuid4().hex}@{args.sender.split("@")[-1]}>',
        ]
        text_body = body.replace('\r\n', '\n').replace('\r', '\n')
        if text_body and not text_body.endswith('\n'):
            text_body += '\n'
        message = '\r\n'.join(headers) + '\r\n\r\n' + text_body.replace('\n', '\r\n')
        stuffed = '\r\n'.join('.' + line if line.startswith('.') else line for line in message.split('\r\n'))
        sock.sendall(stuffed.encode('utf-8') + b'.\r\n')
        code, text = read_reply(lines)
        if code // 100 != 2:
            give_up('message refused', text)
        try:
            command('QUIT')
        except Failure:
            pass
        sock.close()
        return 0
    except (Failure, OSError) as error:
        print(f'client: {error}', file=sys.stderr)
        return 1


sys.exit(main())
