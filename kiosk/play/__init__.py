"""Where the show is and where it goes next: pure state, no Qt."""
