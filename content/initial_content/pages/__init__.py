"""Standard (non-article) pages: privacy notice, about and contact; each module defines ``PAGE``."""
