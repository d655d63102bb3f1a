"""checkpoint.workflows"""
