"""The NGO register: associations and other NGOs, their contact persons, representatives and
invitations, and the coordinators who verify them."""
