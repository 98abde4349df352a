export { ModelForm, type ModelFormProps } from "./model-form";
