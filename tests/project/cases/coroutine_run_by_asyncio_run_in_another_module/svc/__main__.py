import asyncio

from svc.app import main

asyncio.run(main())
