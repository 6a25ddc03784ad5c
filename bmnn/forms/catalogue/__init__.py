"""Form definitions: versioned data files, their validation and the choice of the one in force."""
