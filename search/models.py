"""Storage of the search service: the database backend's flat index and the indexing outbox."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexRecord(models.Model):
    """One public, published page or document in the database backend's index.

    The full-text side lives next to this table and is kept in step by the backend: an FTS5
    table of stemmed text and word forms on SQLite, a generated ``tsvector`` column with a GIN
    index on PostgreSQL (both created by this app's migrations).
    """

    # Small columns first and the long text last: SQLite stores a row's columns in order, and
    # filters and facet counts then never have to read through a long body to reach them.
    key = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, db_index=True)
    council = models.CharField(max_length=255, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    digest = models.CharField(max_length=32)
    council_label = models.CharField(max_length=255, blank=True)
    municipality = models.CharField(max_length=100, blank=True)
    summary = models.TextField(blank=True)  # "Kort fortalt": a hit's description without a match
    # The documents a page links to and where their text is in the body (search.records.Attachment).
    attachments = models.JSONField(default=list, blank=True)
    url = models.TextField()
    title = models.TextField()
    body = models.TextField(blank=True)
    # Normal forms and compound parts of the words (search.wordforms), weighted below the text.
    forms = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("søgepost")
        verbose_name_plural = _("søgeposter")
        indexes = [
            # Covers what ranking and facet counts read for each match, so SQLite never has to
            # touch the (large) rows themselves; the backend names it in INDEXED BY.
            models.Index(
                fields=["id", "council", "kind", "year", "date"], name="site_search_record_cover"
            )
        ]

    def __str__(self):
        return self.key


class IndexRecordTargetGroup(models.Model):
    """A target group of an index record, for filtering and facet counts."""

    record = models.ForeignKey(IndexRecord, on_delete=models.CASCADE, related_name="groups")
    slug = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "slug"], name="site_search_unique_group")
        ]
        indexes = [models.Index(fields=["slug", "record"], name="site_search_group_slug")]

    def __str__(self):
        return self.slug


class IndexQueue(models.Model):
    """The indexing outbox: one row per item whose index entry must be brought up to date.

    Rows are written in the same transaction as the publish (or unpublish, move, privacy or
    document change) that caused them, so a change is never forgotten even if the search
    backend is down. The indexing task works through the rows and deletes each one once the
    backend has the item right; a failing item keeps its row and is retried on the next run.
    """

    key = models.CharField(max_length=40, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indekseringskø")
        verbose_name_plural = _("indekseringskø")

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """A word of the indexed text and in how many records it occurs, for "Mente du ...?".

    Counted exactly by a rebuild; publishing adds the words it brings and leaves the counts of
    the rest alone. A suggestion is only ever shown when searching for it finds something
    visible, so a word left over from a page that has gone never reaches anyone.
    """

    word = models.CharField(max_length=60, unique=True)
    head = models.CharField(max_length=2, db_index=True)  # the first two letters: candidates
    records = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("søgeord")
        verbose_name_plural = _("søgeord")

    def __str__(self):
        return self.word
