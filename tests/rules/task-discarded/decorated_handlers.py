"""Web and chat handlers that fire work and forget it: each runs on every request or message,
which the decorator that registers it says."""

import asyncio

from fastapi import FastAPI

import discord

app = FastAPI()
client = discord.Client(intents=discord.Intents.default())


@app.post("/events")
async def receive_event(payload: dict) -> dict:
    asyncio.create_task(store(payload))
    return {"ok": True}


@client.event
async def on_message(message: discord.Message) -> None:
    reply = asyncio.create_task(answer(message))


async def store(payload: dict) -> None:
    await asyncio.sleep(0)


async def answer(message: discord.Message) -> None:
    await asyncio.sleep(0)
