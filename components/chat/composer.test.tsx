import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer } from "./composer";
import { clearSentDraft, type DraftImage } from "./composer-drafts";
import type { ComposerValues } from "./composer-schema";
import { useComposerForm } from "./use-composer-form";

const uploads: { file: File; resolve: (url: string) => void }[] = [];
vi.mock("./upload-image", () => ({
  uploadImage: (file: File) => {
    let resolve: (url: string) => void = () => {};
    const done = new Promise<string>((settle) => (resolve = settle));
    uploads.push({ file, resolve });
    return { done, abort: () => {} };
  },
}));

afterEach(() => {
  cleanup();
  uploads.length = 0;
});

function Harness({
  draftKey = "chat-1",
  busy = false,
  onSend,
  onStop = () => {},
}: {
  draftKey?: string;
  busy?: boolean;
  onSend: (values: ComposerValues, images: DraftImage[]) => void;
  onStop?: () => void;
}) {
  const form = useComposerForm(draftKey, { mode: "max", behavior: "agent", webSearch: true });
  const textarea = useRef<HTMLTextAreaElement>(null);
  return (
    <Composer
      draftKey={draftKey}
      form={form}
      textareaRef={textarea}
      busy={busy}
      stopping={false}
      sending={false}
      error={null}
      onSend={onSend}
      onStop={onStop}
    />
  );
}

const png = (name: string, size = 1024) =>
  new File([new Uint8Array(size)], name, { type: "image/png" });

function pick(files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

describe("the composer", () => {
  it("sends on Enter and on Ctrl+Enter, and adds a line on Shift+Enter", async () => {
    const onSend = vi.fn();
    render(<Harness draftKey="keys" onSend={onSend} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "A red fox{Shift>}{Enter}{/Shift}in the snow");
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveProperty("value", "A red fox\nin the snow");
    await userEvent.type(box, "{Enter}");
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(onSend.mock.calls[0]?.[0]).toEqual({
      content: "A red fox\nin the snow",
      mode: "max",
      behavior: "agent",
      webSearch: true,
    });
    await userEvent.type(box, "{Control>}{Enter}{/Control}");
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(2));
  });

  it("says what is missing instead of sending an empty message", async () => {
    const onSend = vi.fn();
    render(<Harness draftKey="empty" onSend={onSend} />);
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Write a message.")).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();
  });

  it("keeps the text until the server accepts the message", async () => {
    render(<Harness draftKey="accept" onSend={() => {}} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "make it wider{Enter}");
    expect(box).toHaveProperty("value", "make it wider");
    clearSentDraft("accept", "make it wider");
    await waitFor(() => expect(box).toHaveProperty("value", ""));
  });

  it("becomes Stop while a reply streams", async () => {
    const onStop = vi.fn();
    render(<Harness draftKey="busy" busy onSend={() => {}} onStop={onStop} />);
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalled();
  });

  it("uploads up to four images at once and refuses the rest and non-images before uploading", async () => {
    const onSend = vi.fn();
    render(<Harness draftKey="images" onSend={onSend} />);
    pick([png("1.png"), png("2.png"), png("3.png"), png("4.png"), png("5.png")]);
    expect(uploads.map((upload) => upload.file.name)).toEqual(["1.png", "2.png", "3.png", "4.png"]);
    expect(screen.getByText(/At most 4 images per message: 1 image was left out/)).toBeTruthy();
    expect(screen.getAllByRole("status", { name: /Uploading/ })).toHaveLength(4);

    // Sending waits for the uploads.
    await userEvent.type(screen.getByRole("textbox", { name: "Message" }), "Blend these{Enter}");
    expect(await screen.findByText("Wait until the images have uploaded.")).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();

    uploads.forEach((upload, index) => upload.resolve(`https://uploads.example/${index}.png`));
    await waitFor(() =>
      expect(screen.queryAllByRole("status", { name: /Uploading/ })).toHaveLength(0),
    );
    await userEvent.click(screen.getByRole("button", { name: "Remove 2.png" }));
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(onSend.mock.calls[0]?.[1].map((image: DraftImage) => image.url)).toEqual([
      "https://uploads.example/0.png",
      "https://uploads.example/2.png",
      "https://uploads.example/3.png",
    ]);
  });

  it("refuses a file that is not an image, saying why", () => {
    render(<Harness draftKey="pdf" onSend={() => {}} />);
    pick([new File(["%PDF"], "notes.pdf", { type: "application/pdf" })]);
    expect(uploads).toHaveLength(0);
    expect(screen.getByText(/notes\.pdf: .*application\/pdf/)).toBeTruthy();
  });
});
