#!/usr/bin/env python3
"""Records the raw bytes ffmpeg sends when publishing over RTMP, for the chunk reader tests.

Answers just enough (plain handshake, connect/createStream/publish) for ffmpeg to stream, and
writes everything the client sent, handshake included, to the output file.

    python3 capture_ffmpeg_publish.py ffmpeg_publish.bin
"""
import os
import socket
import struct
import subprocess
import sys


def amf_string(s):
    b = s.encode()
    return b"\x02" + struct.pack(">H", len(b)) + b


def amf_number(n):
    return b"\x00" + struct.pack(">d", n)


def amf_object(props):
    out = b"\x03"
    for k, v in props:
        out += struct.pack(">H", len(k)) + k.encode() + v
    return out + b"\x00\x00\x09"


def chunk(csid, type_id, stream_id, payload):
    # Payloads stay below the default 128-byte chunk size.
    assert len(payload) <= 128
    return (bytes([csid]) + len(payload).to_bytes(3, "big").rjust(6, b"\x00") + bytes([type_id])
            + struct.pack("<I", stream_id) + payload)


def status(code):
    return amf_object([("level", amf_string("status")), ("code", amf_string(code)),
                       ("description", amf_string("ok"))])


class Chunks:
    """Just enough of a chunk decoder to spot the commands ffmpeg waits on."""

    def __init__(self):
        self.buf = b""
        self.chunk_size = 128
        self.state = {}

    def feed(self, data):
        self.buf += data
        out = []
        while True:
            msg = self._one()
            if msg is None:
                return out
            if msg:
                out.append(msg)

    def _one(self):
        b = self.buf
        if not b:
            return None
        fmt, csid, pos = b[0] >> 6, b[0] & 0x3F, 1
        if csid in (0, 1):
            raise RuntimeError("ffmpeg is not expected to use chunk stream ids above 63")
        st = self.state.setdefault(csid, {"len": 0, "type": 0, "ext": False, "data": b""})
        hdr = [11, 7, 3, 0][fmt]
        if len(b) < pos + hdr:
            return None
        if fmt < 3:
            ts = int.from_bytes(b[pos:pos + 3], "big")
            st["ext"] = ts == 0xFFFFFF
        if fmt < 2:
            st["len"] = int.from_bytes(b[pos + 3:pos + 6], "big")
            st["type"] = b[pos + 6]
        pos += hdr + (4 if st["ext"] else 0)
        n = min(self.chunk_size, st["len"] - len(st["data"]))
        if len(b) < pos + n:
            return None
        st["data"] += b[pos:pos + n]
        self.buf = b[pos + n:]
        if len(st["data"]) < st["len"]:
            return b""
        msg, st["data"] = (st["type"], st["data"]), b""
        if msg[0] == 1:
            self.chunk_size = struct.unpack(">I", msg[1][:4])[0]
        return msg


def command(payload):
    n = struct.unpack(">H", payload[1:3])[0]
    name = payload[3:3 + n].decode()
    tid = struct.unpack(">d", payload[4 + n:12 + n])[0]
    return name, tid


def main():
    out_path = sys.argv[1]
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    port = srv.getsockname()[1]
    ffmpeg = subprocess.Popen([
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
        "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
        "-c:v", "libx264", "-preset", "veryfast", "-b:v", "150k", "-g", "25",
        "-c:a", "aac", "-b:a", "48k", "-t", "2",
        "-f", "flv", f"rtmp://127.0.0.1:{port}/live/test"])
    conn, _ = srv.accept()
    received = b""
    while len(received) < 1537:
        received += conn.recv(65536)
    conn.sendall(b"\x03" + b"\x00" * 8 + os.urandom(1528) + received[1:1537])
    chunks = Chunks()
    pending = received[1537:]
    c2_left = 1536
    while True:
        if not pending:
            pending = conn.recv(65536)
            if not pending:
                break
            received += pending
        if c2_left:
            used = min(c2_left, len(pending))
            c2_left -= used
            pending = pending[used:]
            if not pending:
                continue
        for type_id, payload in chunks.feed(pending):
            if type_id != 20:
                continue
            name, tid = command(payload)
            if name == "connect":
                conn.sendall(chunk(3, 20, 0, amf_string("_result") + amf_number(tid) +
                                   amf_object([("fmsVer", amf_string("FMS/3,0,1,123"))]) +
                                   status("NetConnection.Connect.Success")))
            elif name == "createStream":
                conn.sendall(chunk(3, 20, 0, amf_string("_result") + amf_number(tid) + b"\x05" +
                                   amf_number(1)))
            elif name == "publish":
                conn.sendall(chunk(5, 20, 1, amf_string("onStatus") + amf_number(0) + b"\x05" +
                                   status("NetStream.Publish.Start")))
        pending = b""
    conn.close()
    ffmpeg.wait()
    with open(out_path, "wb") as f:
        f.write(received)
    print(f"{len(received)} bytes, ffmpeg exit {ffmpeg.returncode}")


if __name__ == "__main__":
    main()
