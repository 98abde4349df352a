// What every widget of a ModelForm can reach through rjsf's `formContext`.
export type ModelFormContext = {
  /** Uploads a file chosen for `field`; resolves to the public URL to put in the input. */
  uploadFile: (file: File, field: string) => Promise<string>;
  /** Tells the form a field is (or no longer is) waiting for an upload, so Run can wait too. */
  onUploadPendingChange: (field: string, pending: boolean) => void;
};

export function isModelFormContext(value: unknown): value is ModelFormContext {
  return typeof (value as Partial<ModelFormContext> | undefined)?.uploadFile === "function";
}
