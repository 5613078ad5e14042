from devices.device import Device


async def main(device: Device) -> None:
    device.send_cmd("hello")
    device.send_raw("hello")
