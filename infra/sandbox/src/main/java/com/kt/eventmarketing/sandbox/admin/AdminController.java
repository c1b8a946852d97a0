package com.kt.eventmarketing.sandbox.admin;

import com.kt.eventmarketing.sandbox.channel.ChannelPost;
import com.kt.eventmarketing.sandbox.channel.ChannelPosts;
import com.kt.eventmarketing.sandbox.fault.EndpointGroup;
import com.kt.eventmarketing.sandbox.fault.FaultRegistry;
import com.kt.eventmarketing.sandbox.fault.FaultSettings;
import com.kt.eventmarketing.sandbox.log.RecordedRequest;
import com.kt.eventmarketing.sandbox.log.RequestLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Run-time control of the sandbox: set faults per endpoint group, read the request log and the channels' posts. */
@RestController
@RequestMapping("/admin")
public class AdminController {

    private final FaultRegistry faults;
    private final RequestLog requestLog;
    private final ChannelPosts posts;

    public AdminController(FaultRegistry faults, RequestLog requestLog, ChannelPosts posts) {
        this.faults = faults;
        this.requestLog = requestLog;
        this.posts = posts;
    }

    @PutMapping("/faults/{endpointGroup}")
    public FaultSettings setFaults(@PathVariable String endpointGroup, @RequestBody FaultSettings settings) {
        faults.set(group(endpointGroup), settings);
        return settings;
    }

    @GetMapping("/faults/{endpointGroup}")
    public FaultSettings getFaults(@PathVariable String endpointGroup) {
        return faults.settings(group(endpointGroup));
    }

    @DeleteMapping("/faults")
    public void resetFaults() {
        faults.reset();
    }

    @GetMapping("/requests")
    public List<RecordedRequest> requests(@RequestParam(required = false) String group,
                                          @RequestParam(required = false) String idempotencyKey) {
        return requestLog.find(group, idempotencyKey);
    }

    /** The posts a channel group holds, with their content as the channel received it. */
    @GetMapping("/posts/{endpointGroup}")
    public List<ChannelPost> posts(@PathVariable String endpointGroup) {
        return posts.all(group(endpointGroup));
    }

    @DeleteMapping("/requests")
    public void clearRequests() {
        requestLog.clear();
    }

    private static EndpointGroup group(String id) {
        return EndpointGroup.ofId(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown endpoint group " + id));
    }
}
