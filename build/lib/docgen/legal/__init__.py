"""The law of a campaign: legal profiles checked against its dates and citations, and
where each dossier form's wording comes from."""
