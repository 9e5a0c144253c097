package org.gongzu.mail;

/** What a mail is about; each kind has its templates {@code mail-templates/<name>.*.mustache}. */
public enum MailKind {
    /** Work arrived in a department: to the members of the task's group. */
    ARRIVAL(true),
    /** The follow-up date of a task passed, its due date not yet: to the group's members. */
    REMINDER(true),
    /** A task is overdue: to the leaders of its group, never held for a digest. */
    ESCALATION(false),
    /** 催办: a supervisor or another department urges a step: to the group's members. */
    URGE(true),
    /** One mail a day listing a user's held mails. */
    DIGEST(false);

    private final boolean digestible;

    MailKind(boolean digestible) {
        this.digestible = digestible;
    }

    /** Whether a user who chose the daily digest gets this kind in the digest instead of at once. */
    public boolean digestible() {
        return digestible;
    }

    /** The template name, e.g. {@code arrival}. */
    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
