"""checkpoint.storage"""
