package org.ichnaea.core.jobs;

class InMemoryJobLockTest extends JobLockContract {

    @Override
    protected JobLock newLock() {
        return new InMemoryJobLock();
    }
}
