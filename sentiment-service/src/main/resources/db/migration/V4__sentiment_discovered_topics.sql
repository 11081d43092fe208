-- Topics discovered from the texts themselves (NMF on the TF-IDF of their keywords), beside the fixed banking
-- taxonomy of silver.retail_topic_analysis: one row per discovery an analyst ran, its topics, and which text
-- joined which topic. Stored so that a window's topics can be read again and compared with a later run.
create table silver.retail_topic_discovery (
    discovery_id        bigserial   primary key,
    window_from         date        not null,
    window_to           date        not null,
    channel             text,                       -- null: every channel
    requested_topics    integer     not null,       -- k
    documents_in_window integer     not null,       -- analysed customer-voice texts in the window
    documents_used      integer     not null,       -- a deterministic sample when the window holds more
    vocabulary          integer     not null,       -- terms kept for the TF-IDF matrix
    method              text        not null,
    requested_by        text        not null,
    requested_at        timestamptz not null default now()
);
create index retail_topic_discovery_by_window
    on silver.retail_topic_discovery (window_from, window_to, requested_topics, discovery_id);

create table silver.retail_discovered_topic (
    discovery_id      bigint           not null references silver.retail_topic_discovery on delete cascade,
    topic_index       integer          not null,    -- 0 = the largest
    terms             text[]           not null,    -- heaviest first
    documents         integer          not null,
    average_sentiment double precision not null,
    primary key (discovery_id, topic_index)
);

-- Lineage: the analysed text (silver.retail_sentiment_unified's key) and the score it had when the run read it.
create table silver.retail_discovered_topic_document (
    discovery_id     bigint           not null,
    topic_index      integer          not null,
    channel          text             not null,
    source_record_id text             not null,
    sentiment_score  double precision not null,
    sentiment_label  text             not null,
    primary key (discovery_id, channel, source_record_id),
    foreign key (discovery_id, topic_index) references silver.retail_discovered_topic on delete cascade
);
create index retail_discovered_topic_document_by_topic
    on silver.retail_discovered_topic_document (discovery_id, topic_index);
