/**
 * Errors a person can cause. Each carries a message written for the person who caused it; the
 * API maps the kind to a tRPC code. Anything else that is thrown is a bug and becomes a 500.
 */
export type DomainErrorKind = "validation" | "not_found" | "conflict" | "forbidden" | "rule" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * The input is malformed or out of range; nothing was written. `fields` puts a message beside
 * each field a form shows (keyed as the form names them, say a question's id).
 */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super("validation", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super("not_found", message);
  }
}

/** Someone else changed the record first, or it already exists; nothing was written. */
export class ConflictError extends DomainError {
  constructor(message = "Someone else changed this just now. Refresh the page and try again.") {
    super("conflict", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super("forbidden", message);
  }
}

/** A business rule refuses the change (for example removing a site's last project lead). */
export class RuleError extends DomainError {
  constructor(message: string) {
    super("rule", message);
  }
}

/** Someone has done this too often in too short a time; they can try again later. */
export class RateLimitedError extends DomainError {
  constructor(message = "Too many attempts. Please wait an hour and try again.") {
    super("rate_limited", message);
  }
}
