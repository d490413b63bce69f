"""The council meeting: consolidated list, votes, and the selection per level."""
