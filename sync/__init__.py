"""Sync with headquarters. protocol.py, wire.py and errors.py are what both sides share; sync.device is the
laptop's side (and checkpoint-admin), sync.hq is checkpoint-hq. Imports checkpoint, never ui or Qt; neither side
imports the other."""
