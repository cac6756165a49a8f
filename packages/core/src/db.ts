import { Service } from "electrodb";
import { onDynamoConfigured } from "./dynamo";
import { AnswerEntity, ApplicationEntity } from "./entities/application";
import { ProcessDraftEntity, ProcessVersionEntity } from "./entities/approval-process";
import { AuditEventEntity } from "./entities/audit-event";
import { CohortContactEntity, CohortMemberEntity } from "./entities/cohort";
import { CohortSessionEntity, SessionPlaceEntity, WaitingEntryEntity } from "./entities/cohort-session";
import { DecisionEntity } from "./entities/decision";
import { DevelopmentGoalEntity } from "./entities/development-goal";
import { PayRateEntity, TimeEntryEntity } from "./entities/expert-time";
import { InformationRequestEntity } from "./entities/information-request";
import { InvitationEntity, InviteeClaimEntity } from "./entities/invitation";
import { MembershipEntity } from "./entities/membership";
import { MentoringMeetingEntity, MentoringPairEntity } from "./entities/mentoring";
import { NationalMentorEntity } from "./entities/national-mentor";
import { OpenSiteEntity } from "./entities/open-site";
import { OrganisationEntity } from "./entities/organisation";
import { OutboxMessageEntity } from "./entities/outbox-message";
import { EmailClaimEntity, PersonEntity } from "./entities/person";
import { RateLimitEntity } from "./entities/rate-limit";
import { PanelEntity, ReviewEntity } from "./entities/review";
import { SignInLinkEntity } from "./entities/sign-in-link";
import { SiteEntity } from "./entities/site";
import { SiteCountEntity } from "./entities/site-count";
import { SiteFiguresEntity } from "./entities/site-figures";
import { SiteStatsEntity } from "./entities/site-stats";

/** Every entity in the single table, joined so they can share transactions. */
export const db = new Service({
  site: SiteEntity,
  siteStats: SiteStatsEntity,
  siteCount: SiteCountEntity,
  siteFigures: SiteFiguresEntity,
  openSite: OpenSiteEntity,
  processDraft: ProcessDraftEntity,
  processVersion: ProcessVersionEntity,
  organisation: OrganisationEntity,
  application: ApplicationEntity,
  answer: AnswerEntity,
  review: ReviewEntity,
  panel: PanelEntity,
  informationRequest: InformationRequestEntity,
  decision: DecisionEntity,
  developmentGoal: DevelopmentGoalEntity,
  cohortMember: CohortMemberEntity,
  cohortContact: CohortContactEntity,
  cohortSession: CohortSessionEntity,
  sessionPlace: SessionPlaceEntity,
  waitingEntry: WaitingEntryEntity,
  mentoringPair: MentoringPairEntity,
  mentoringMeeting: MentoringMeetingEntity,
  nationalMentor: NationalMentorEntity,
  timeEntry: TimeEntryEntity,
  payRate: PayRateEntity,
  person: PersonEntity,
  emailClaim: EmailClaimEntity,
  membership: MembershipEntity,
  invitation: InvitationEntity,
  inviteeClaim: InviteeClaimEntity,
  auditEvent: AuditEventEntity,
  outboxMessage: OutboxMessageEntity,
  signInLink: SignInLinkEntity,
  rateLimit: RateLimitEntity,
});

onDynamoConfigured((client, tableName) => {
  db.setClient(client);
  db.setTableName(tableName);
});

/** The entities as a transaction sees them: each write ends in `.commit()` (see change.ts). */
export type Entities = Parameters<Parameters<typeof db.transaction.write>[0]>[0];
