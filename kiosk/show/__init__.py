"""Drawing: the stage at design size, slide views, fonts and theme (Qt)."""
