import { Router } from "@solidjs/router";
import { QueryClientProvider } from "@tanstack/solid-query";
import { render } from "solid-js/web";
import { queryClient } from "./api/client";
import { routes } from "./routes";
import { Layout } from "./ui/layout";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element to render into.");

render(
  () => (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>{routes}</Router>
    </QueryClientProvider>
  ),
  root,
);
