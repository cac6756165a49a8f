export * as Activity from "./activity";
export * as Membership from "./membership";
export * as Person from "./person";
export * as Site from "./site";
