"""What happened since: dated updates staff write on a campaign, the dates its
demands changed status (recorded on publish), a page of them across campaigns
and an Atom feed, each per language."""
