"""The award stage: the ward's own decision, its list, the certificates and the award history."""
