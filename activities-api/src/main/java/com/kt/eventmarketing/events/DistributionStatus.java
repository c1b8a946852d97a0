package com.kt.eventmarketing.events;

public enum DistributionStatus {
    PENDING, PUBLISHING, PUBLISHED, FAILED, RETRACTED
}
