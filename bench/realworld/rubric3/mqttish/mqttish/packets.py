import struct

PINGREQ = b"\xc0\x00"


def puback(packet_id: int) -> bytes:
    return b"\x40\x02" + struct.pack("!H", packet_id)


def parse_publish(frame: bytes) -> tuple[int, bytes]:
    (packet_id,) = struct.unpack("!H", frame[:2])
    return packet_id, frame[2:]
