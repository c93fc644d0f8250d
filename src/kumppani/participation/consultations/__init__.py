"""Consultations (kuuleminen, lausuntopyyntö): statements from NGOs and councils, residents' comments and the body's published response."""
