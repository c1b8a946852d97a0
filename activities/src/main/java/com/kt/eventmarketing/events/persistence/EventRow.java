package com.kt.eventmarketing.events.persistence;

import com.kt.eventmarketing.events.EventObjective;
import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.events.EventStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The database row of an event. The gateway creates it as a DRAFT; from then on only the workflow's core
 * activities change it ({@code EventRecordActivitiesImpl}), so the row always trails the workflow's state.
 */
@Entity
@Table(name = "events")
public class EventRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "owner_id")
    private Long ownerId;
    @Column(name = "store_id")
    private Long storeId;
    @Enumerated(EnumType.STRING)
    private EventObjective objective;
    @Enumerated(EnumType.STRING)
    private EventStatus status;
    @Enumerated(EnumType.STRING)
    private EventStep step;
    private String title;
    private String prize;
    @Column(name = "participation_method")
    private String participationMethod;
    private String guide;
    @Column(name = "expected_participants")
    private Integer expectedParticipants;
    @Column(name = "estimated_cost")
    private Long estimatedCost;
    @Column(name = "expected_roi")
    private Double expectedRoi;
    @Column(name = "image_url")
    private String imageUrl;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "end_at")
    private Instant endAt;
    @Column(name = "view_count")
    private long viewCount;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected EventRow() {
    }

    public Long getId() { return id; }
    public Long getOwnerId() { return ownerId; }
    public Long getStoreId() { return storeId; }
    public EventObjective getObjective() { return objective; }
    public EventStatus getStatus() { return status; }
    public EventStep getStep() { return step; }
    public String getTitle() { return title; }
    public String getPrize() { return prize; }
    public String getParticipationMethod() { return participationMethod; }
    public String getGuide() { return guide; }
    public Integer getExpectedParticipants() { return expectedParticipants; }
    public Long getEstimatedCost() { return estimatedCost; }
    public Double getExpectedRoi() { return expectedRoi; }
    public String getImageUrl() { return imageUrl; }
    public Instant getStartAt() { return startAt; }
    public Instant getEndAt() { return endAt; }
    public long getViewCount() { return viewCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
