"""ui.wizards"""
