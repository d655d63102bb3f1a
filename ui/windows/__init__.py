"""ui.windows"""
