"""checkpoint.crypto"""
