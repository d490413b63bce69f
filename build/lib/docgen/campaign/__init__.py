"""The campaign file: plan-specific facts as validated data."""

from docgen.campaign.load import load_campaign
from docgen.campaign.model import Campaign, Kind, Level

__all__ = ["Campaign", "Kind", "Level", "load_campaign"]
