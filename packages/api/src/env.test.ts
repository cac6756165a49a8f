import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const production = {
  APP_MODE: "production",
  TABLE_NAME: "smallsupports",
  COGNITO_USER_POOL_ID: "eu-west-2_abc",
  COGNITO_CLIENT_ID: "client",
  CURSOR_SECRET: "c".repeat(64),
  MAIL_FROM: "Small Supports <no-reply@smallsupports.example.org>",
  APP_URL: "https://smallsupports.example.org/",
};

describe("loadEnv mail settings", () => {
  it("takes the sender and the app's address in production", () => {
    expect(loadEnv(production).mail).toEqual({
      from: "Small Supports <no-reply@smallsupports.example.org>",
      appUrl: "https://smallsupports.example.org",
      configurationSet: undefined,
    });
    expect(loadEnv({ ...production, SES_CONFIGURATION_SET: "mail" }).mail.configurationSet).toBe("mail");
  });

  it("requires both in production, naming every required variable", () => {
    for (const missing of ["MAIL_FROM", "APP_URL"]) {
      expect(() => loadEnv({ ...production, [missing]: undefined })).toThrow(
        "COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, CURSOR_SECRET, MAIL_FROM and APP_URL are required in production.",
      );
    }
  });

  it("refuses a sender without an address, and an app address that is not https", () => {
    for (const from of ["Small Supports", "no-reply", "Small Supports <no-reply>", "<a@b.org> extra"]) {
      expect(() => loadEnv({ ...production, MAIL_FROM: from })).toThrow(/MAIL_FROM must hold an address/);
    }
    expect(loadEnv({ ...production, MAIL_FROM: "no-reply@smallsupports.example.org" }).mail.from).toBe(
      "no-reply@smallsupports.example.org",
    );
    expect(() => loadEnv({ ...production, APP_URL: "http://smallsupports.example.org" })).toThrow(
      "APP_URL must be an https URL in production.",
    );
  });

  it("needs neither locally", () => {
    expect(loadEnv({ APP_MODE: "local", TABLE_NAME: "smallsupports" }).mail).toEqual({
      appUrl: undefined,
      from: undefined,
      configurationSet: undefined,
    });
    expect(
      loadEnv({ APP_MODE: "local", TABLE_NAME: "smallsupports", APP_URL: "http://localhost:3000" }).mail.appUrl,
    ).toBe("http://localhost:3000");
  });
});
