package com.kt.eventmarketing.events.persistence;

import com.kt.eventmarketing.events.EventStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.Optional;

public interface EventRowRepository extends JpaRepository<EventRow, Long>, JpaSpecificationExecutor<EventRow> {

    /** Ownership is part of every owner lookup: another owner's event is simply not found. */
    Optional<EventRow> findByIdAndOwnerId(Long id, Long ownerId);

    List<EventRow> findTop5ByOwnerIdAndStatusOrderByCreatedAtDesc(Long ownerId, EventStatus status);

    Page<EventRow> findByOwnerId(Long ownerId, Pageable pageable);
}
