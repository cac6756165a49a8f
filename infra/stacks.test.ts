import { Match, Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { Api, apiTableActions, reminderIndex, reminderSchedule, reminderTableActions } from "./api";
import { Auth } from "./auth";
import { Mail, type MailConfig, setMailConfig } from "./mail";
import { addStacks } from "./stacks";
import { Storage } from "./storage";

const mailConfig: MailConfig = { domain: "smallsupports.example.org", appUrl: "https://app.smallsupports.example.org" };

/** Synthesises the stacks offline, as `sst deploy` would for a stage, and reads the templates. */
async function synth(stage: string) {
  await initProject({ stage });
  const app = new App({ mode: "deploy", stage, region: "eu-west-2" });
  addStacks(app, mailConfig);
  return {
    storage: Template.fromStack(getStack(Storage)),
    auth: Template.fromStack(getStack(Auth)),
    mail: Template.fromStack(getStack(Mail)),
    api: Template.fromStack(getStack(Api)),
  };
}

type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

type Policy = { Properties: { PolicyDocument: { Statement: Statement[] }; Roles: { Ref: string }[] } };

function policyStatements(template: Template): Statement[] {
  return Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
    (policy) => (policy as Policy).Properties.PolicyDocument.Statement,
  );
}

/** The statements of the policies attached to one function's role. */
function functionStatements(template: Template, functionId: string): Statement[] {
  const fn = template.findResources("AWS::Lambda::Function")[functionId] as {
    Properties: { Role: { "Fn::GetAtt": [string, string] } };
  };
  const [roleId] = fn.Properties.Role["Fn::GetAtt"];
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((policy) => (policy as Policy).Properties.Roles.some((role) => role.Ref === roleId))
    .flatMap((policy) => (policy as Policy).Properties.PolicyDocument.Statement);
}

/** The function behind the HTTP API's one route, and the one the daily schedule runs. */
function functionIds(template: Template) {
  const targetOf = (arn: unknown) => (arn as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  const [integration] = Object.values(template.findResources("AWS::ApiGatewayV2::Integration")) as {
    Properties: { IntegrationUri: unknown };
  }[];
  const [rule] = Object.values(template.findResources("AWS::Events::Rule")) as {
    Properties: { Targets: { Arn: unknown }[] };
  }[];
  return {
    api: targetOf(integration?.Properties.IntegrationUri),
    reminders: targetOf(rule?.Properties.Targets[0]?.Arn),
  };
}

const dynamoActionsOf = (statements: Statement[]) =>
  [...new Set(statements.flatMap((statement) => [statement.Action].flat()))]
    .filter((action) => action.startsWith("dynamodb:"))
    .sort();

describe("stage test", () => {
  let templates: Awaited<ReturnType<typeof synth>>;
  beforeAll(async () => {
    templates = await synth("test");
  }, 120_000);

  it("builds the table from the core schema, with point-in-time recovery and no local indexes", () => {
    templates.storage.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: "gsi1",
          KeySchema: [
            { AttributeName: "gsi1pk", KeyType: "HASH" },
            { AttributeName: "gsi1sk", KeyType: "RANGE" },
          ],
        }),
        Match.objectLike({
          IndexName: "gsi2",
          KeySchema: [
            { AttributeName: "gsi2pk", KeyType: "HASH" },
            { AttributeName: "gsi2sk", KeyType: "RANGE" },
          ],
        }),
      ],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const table = Object.values(templates.storage.findResources("AWS::DynamoDB::Table"))[0] as {
      Properties: Record<string, unknown>;
      DeletionPolicy?: string;
    };
    expect(table.Properties.LocalSecondaryIndexes).toBeUndefined();
    expect(table.Properties.DeletionProtectionEnabled).toBeFalsy();
  });

  it("runs the API on Lambda nodejs22.x arm64 behind an HTTP API", () => {
    templates.api.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Environment: { Variables: Match.objectLike({ APP_MODE: "production" }) },
    });
    templates.api.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    templates.api.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "$default" });
  });

  it("generates the cursor secret and gives it to the API only as a dynamic reference", () => {
    const secrets = templates.api.findResources("AWS::SecretsManager::Secret");
    expect(Object.keys(secrets)).toHaveLength(1);
    const [secretId, secret] = Object.entries(secrets)[0] as [string, { Properties: Record<string, unknown> }];
    expect(secret.Properties.GenerateSecretString).toEqual({
      ExcludePunctuation: true,
      PasswordLength: expect.toSatisfy((length: number) => length >= 48),
    });
    expect(secret.Properties.SecretString).toBeUndefined();
    // Resolved by CloudFormation at deploy time; a literal string here would put the secret in the template.
    templates.api.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          CURSOR_SECRET: {
            "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: secretId }, ":SecretString:::}}"]],
          },
        }),
      },
    });
  });

  it("grants the API exactly the DynamoDB actions it uses: no Scan, no wildcard", () => {
    const statements = policyStatements(templates.api);
    expect(dynamoActionsOf(functionStatements(templates.api, functionIds(templates.api).api))).toEqual(
      [...apiTableActions].sort(),
    );
    for (const statement of statements) {
      for (const action of [statement.Action].flat()) {
        expect(action).not.toBe("*");
        expect(action).not.toMatch(/^dynamodb:\*$/);
        expect(action).not.toBe("dynamodb:Scan");
      }
    }
  });

  it("verifies the sender domain in SES and lets the API send only as it", () => {
    const identities = templates.mail.findResources("AWS::SES::EmailIdentity");
    expect(Object.values(identities)).toEqual([
      expect.objectContaining({ Properties: { EmailIdentity: "smallsupports.example.org" } }),
    ]);
    const identityId = Object.keys(identities)[0];
    const outputs = Object.values(templates.mail.toJSON().Outputs) as { Value: unknown; Export?: { Name: string } }[];
    const identityExport = outputs.find(
      (output) => JSON.stringify(output.Value) === JSON.stringify({ Ref: identityId }),
    );

    // The API and the daily reminders send; each only as that identity.
    for (const functionId of Object.values(functionIds(templates.api))) {
      const sesStatements = functionStatements(templates.api, functionId).filter((statement) =>
        [statement.Action].flat().some((action) => action.toLowerCase().startsWith("ses:")),
      );
      expect(sesStatements).toHaveLength(1);
      expect(sesStatements[0]?.Action).toBe("ses:SendEmail");
      // The identity's own ARN, `arn:<partition>:ses:<region>:<account>:identity/<domain>`, never "*".
      expect(sesStatements[0]?.Resource).toEqual({
        "Fn::Join": [
          "",
          [
            "arn:",
            { Ref: "AWS::Partition" },
            expect.stringMatching(/^:ses:eu-west-2:[^:]+:identity\/$/),
            { "Fn::ImportValue": identityExport?.Export?.Name },
          ],
        ],
      });
    }
  });

  it("runs the reminders (reviewers' and sessions') daily at 07:00 UTC, with only the table access the sweeps need", () => {
    templates.api.resourceCountIs("AWS::Events::Rule", 1);
    templates.api.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: reminderSchedule,
      State: "ENABLED",
    });
    expect(reminderSchedule).toBe("cron(0 7 * * ? *)");
    const { api, reminders } = functionIds(templates.api);
    expect(reminders).toBeDefined();
    expect(reminders).not.toBe(api);
    const functions = templates.api.findResources("AWS::Lambda::Function");
    const variablesOf = (id: string) =>
      (functions[id] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
        .Variables;
    expect(functions[reminders]?.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    // The table and the sender come to it as they come to the API, so its emails read the same.
    expect(variablesOf(reminders)).toMatchObject({
      APP_MODE: "production",
      TABLE_NAME: variablesOf(api).TABLE_NAME,
      MAIL_FROM: variablesOf(api).MAIL_FROM,
      APP_URL: variablesOf(api).APP_URL,
    });
    const statements = functionStatements(templates.api, reminders);
    const dynamo = statements.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith("dynamodb:")),
    );
    for (const statement of dynamo) {
      expect([statement.Action].flat()).not.toContain("dynamodb:*");
      expect([statement.Action].flat()).not.toContain("dynamodb:Scan");
    }
    expect(dynamoActionsOf(statements)).toEqual(["dynamodb:Query", ...reminderTableActions].sort());
    // Query reaches the index of days (and a session's places in the table); item actions reach
    // the table's items, not its indexes.
    const query = dynamo.find((statement) => [statement.Action].flat().includes("dynamodb:Query"));
    expect(query?.Action).toBe("dynamodb:Query");
    expect(JSON.stringify(query?.Resource)).toContain(`"/index/${reminderIndex}"`);
    for (const statement of dynamo.filter((candidate) => candidate !== query)) {
      expect(JSON.stringify(statement.Resource)).not.toContain("/index/");
    }
  });

  it("tells the API who it sends as and where the web app is", () => {
    templates.api.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({
          MAIL_FROM: "Small Supports <no-reply@smallsupports.example.org>",
          APP_URL: "https://app.smallsupports.example.org",
        }),
      },
    });
  });

  it("refuses a mail domain that is not a domain and an app URL that is not https", () => {
    const app = new App({ mode: "deploy", stage: "test", region: "eu-west-2" });
    expect(() => setMailConfig(app, { ...mailConfig, domain: "no-reply@example.org" })).toThrow(/domain name/);
    expect(() => setMailConfig(app, { ...mailConfig, appUrl: "http://app.example.org" })).toThrow(/https/);
  });

  it("has a Cognito user pool and web client, and no identity pool", () => {
    templates.auth.resourceCountIs("AWS::Cognito::UserPool", 1);
    templates.auth.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    templates.auth.resourceCountIs("AWS::Cognito::IdentityPool", 0);
    // New providers sign themselves up; only a verified address can sign in (the API checks too).
    templates.auth.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ["email"],
      UsernameAttributes: ["email"],
    });
    for (const statement of policyStatements(templates.auth)) {
      expect([statement.Action].flat().some((action) => action.startsWith("cognito-sync"))).toBe(false);
    }
  });
});

describe("stage prod", () => {
  it("protects the table from deletion and keeps it and the mail identity if their stacks go", async () => {
    const { storage, mail } = await synth("prod");
    storage.hasResourceProperties("AWS::DynamoDB::Table", { DeletionProtectionEnabled: true });
    const table = Object.values(storage.findResources("AWS::DynamoDB::Table"))[0] as { DeletionPolicy?: string };
    expect(table.DeletionPolicy).toBe("Retain");
    const identity = Object.values(mail.findResources("AWS::SES::EmailIdentity"))[0] as { DeletionPolicy?: string };
    expect(identity.DeletionPolicy).toBe("Retain");
  }, 120_000);
});
