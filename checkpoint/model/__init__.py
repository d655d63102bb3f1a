"""checkpoint.model"""
