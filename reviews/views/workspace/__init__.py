"""The country workspace: the five parts, the objectives, the team, documents and submission.

pages: what the country reads and fills in; autosave: the answer autosave endpoint; rows: saving
table rows, objective details and the plan; team: assignments, documents and submission.
Every view reaches its review through reviews_visible_to(user): another country gets 404.
"""
