/**
 * Component schemas of the OpenAPI document: the reference's response shapes with
 * honest `required` lists (what the sandbox always sends) and nullability.
 */
type Schema = Record<string, unknown>

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra })
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra })
const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra })
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra })
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
export const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required,
  ...extra
})
/** `{success:true,data:…}` */
export const envelope = (data: Schema, extra: Record<string, Schema> = {}): Schema =>
  obj({ success: { type: 'boolean', const: true }, data, ...extra })

const uuid = str({ format: 'uuid' })
const dateTime = str({ format: 'date-time' })
const url = str({ format: 'uri' })
const imageAspect = str({ enum: ['1:1', '16:9', '9:16', '4:3', '3:4'] })
const imageCount = int({ enum: [1, 2, 4], default: 1 })
/** Image inputs: https, or a media URL this sandbox signed (its outputs can feed the next request). */
const imageInput = str({
  format: 'uri',
  pattern: '^(https://|http://127\\.0\\.0\\.1:[0-9]+/storage/)',
  description: 'An https image URL, or a signed media URL from this sandbox (e.g. an earlier output).'
})

export const schemas: Record<string, Schema> = {
  Error: obj({ success: { type: 'boolean', const: false }, error: str() }),
  AdCopy: obj({ style_name: str(), hook: str(), headline: str(), body_copy: str(), cta: str() }),
  ImageGenerationStarted: obj({
    generation_id: uuid,
    images: arr(url, { description: 'Empty while the generation runs; poll /generations/{id}.' }),
    image_count: int(),
    credits_used: int()
  }),
  VideoGenerationStarted: obj({
    generation_id: uuid,
    video_url: nullable('string', { format: 'uri', description: 'null while the generation runs.' }),
    duration: int({ minimum: 4, maximum: 15 }),
    credits_used: int()
  }),
  AdGenerationStarted: obj({ generation_id: uuid, images: arr(url), image_count: int(), credits_used: int(), ad_copy: ref('AdCopy') }),
  Generation: obj(
    {
      id: uuid,
      kind: str({ enum: ['image', 'video', 'ad'] }),
      status: str({ enum: ['queued', 'processing', 'succeeded', 'failed'] }),
      progress: int({ minimum: 0, maximum: 100 }),
      output: { oneOf: [obj({ urls: arr(url) }), { type: 'null' }], description: 'Signed URLs once succeeded, else null.' },
      error: nullable('string'),
      created_at: dateTime,
      completed_at: nullable('string', { format: 'date-time' }),
      notice: str({ description: 'Present when the output differs from the request (e.g. animated WebP instead of MP4).' }),
      ad_copy: ref('AdCopy')
    },
    ['id', 'kind', 'status', 'progress', 'output', 'error', 'created_at', 'completed_at']
  ),
  ProductMetadata: obj(
    {
      brandName: nullable('string'),
      productName: str(),
      productType: str(),
      colors: arr(str()),
      materials: arr(str())
    },
    [],
    { additionalProperties: true }
  ),
  Product: obj(
    {
      id: uuid,
      name: str(),
      image_url: nullable('string', { format: 'uri' }),
      segmented_image_url: nullable('string', { format: 'uri' }),
      category: nullable('string'),
      metadata: ref('ProductMetadata'),
      source: str(),
      created_at: dateTime
    },
    ['id', 'name', 'image_url', 'category', 'metadata', 'created_at']
  ),
  ProductUploaded: {
    allOf: [ref('Product'), { type: 'object', required: ['segmented_image_url', 'source'] }]
  },
  Credits: obj({
    plan: str(),
    plan_name: str(),
    credits: obj({ current: int(), limit: int(), current_formatted: str(), limit_formatted: str() }),
    storage: obj({ used_bytes: int(), limit_bytes: int(), used_formatted: str(), limit_formatted: str() }),
    resets_at: dateTime
  }),
  ChatStarted: obj({
    conversation_id: uuid,
    user_message_id: uuid,
    assistant_message_id: uuid,
    run_id: uuid,
    job_id: uuid,
    status: str({ enum: ['queued'] }),
    poll_url: url
  }),
  ChatMessage: obj({ id: uuid, role: str({ enum: ['user', 'assistant', 'tool'] }), content: str(), created_at: dateTime }),
  ChatRun: obj(
    {
      run_id: uuid,
      conversation_id: uuid,
      status: str({ enum: ['queued', 'running', 'succeeded', 'failed'] }),
      job_status: str({ enum: ['waiting', 'active', 'completed', 'failed'] }),
      assistant_text: nullable('string'),
      messages: arr(ref('ChatMessage')),
      artifacts: arr({ type: 'object', additionalProperties: true }),
      generation_ids: arr(uuid),
      generations: arr(ref('Generation')),
      media_urls: arr(url),
      error: nullable('string'),
      created_at: dateTime,
      updated_at: dateTime
    },
    ['run_id', 'conversation_id', 'status', 'job_status', 'assistant_text', 'messages', 'artifacts', 'generation_ids', 'generations', 'media_urls', 'error']
  ),
  ChatConversation: obj({
    id: uuid,
    title: nullable('string'),
    messages: arr(ref('ChatMessage')),
    runs: arr(obj({ run_id: uuid, status: str() })),
    created_at: dateTime,
    updated_at: dateTime
  }),
  ConversionSent: obj({ success: { type: 'boolean', const: true }, status: str({ const: 'sent' }), events_received: int() }),
  ApiKeyCreated: obj({
    id: uuid,
    name: str(),
    key: str({ pattern: '^sk_live_[A-Za-z0-9]{32}$', description: 'Shown only once.' }),
    key_prefix: str({ description: 'sk_live_ and the first 4 characters, for display.' }),
    key_last4: str({ minLength: 4, maxLength: 4 }),
    scopes: arr(ref('Scope')),
    created_at: dateTime
  }),
  ApiKeyRevoked: obj({ id: uuid, revoked: { type: 'boolean', const: true } }),
  Scope: str({ enum: ['images', 'videos', 'products', 'credits', 'ads', 'conversions', 'chat'] }),

  ImageRequest: obj(
    {
      prompt: str({ minLength: 1, maxLength: 4000 }),
      aspect_ratio: { ...imageAspect, default: '1:1' },
      product_id: uuid,
      product_ids: arr(uuid, { maxItems: 10 }),
      preset_id: str({ examples: ['flat_lay', 'lifestyle', 'studio'] }),
      hd: { type: 'boolean', default: false, description: '4K upscaling; costs 2x credits.' },
      image_count: imageCount,
      reference_images: arr(imageInput, { maxItems: 8 })
    },
    ['prompt']
  ),
  VideoRequest: obj(
    {
      prompt: str({ minLength: 1, maxLength: 4000 }),
      aspect_ratio: { ...imageAspect, default: '16:9' },
      duration: int({ minimum: 4, maximum: 15, default: 5 }),
      audio_mode: str({ enum: ['auto', 'off', 'native'], default: 'auto' }),
      product_id: uuid,
      source_image: imageInput,
      preset_id: str()
    },
    ['prompt']
  ),
  AdRequest: obj(
    {
      brief: str({ minLength: 1, maxLength: 4000 }),
      product_ids: arr(uuid, { minItems: 1, maxItems: 10 }),
      aspect_ratio: str({ enum: ['1:1', '4:5', '9:16'], default: '4:5' }),
      image_count: imageCount,
      style_id: str(),
      inspiration_image: imageInput,
      brand_context: str({ maxLength: 2000 })
    },
    ['brief', 'product_ids']
  ),
  ProductCreateJson: obj(
    {
      image_url: str({ description: 'https URL of the image, a data:image/…;base64 URL (up to 20 MB decoded), or a signed media URL from this sandbox. JPG, PNG or WebP.' }),
      name: str({ maxLength: 200 }),
      skip_segmentation: { type: 'boolean', default: false }
    },
    ['image_url']
  ),
  ProductCreateMultipart: obj(
    {
      file: str({ contentMediaType: 'application/octet-stream', description: 'JPG, PNG or WebP, at most 20 MB.' }),
      name: str(),
      skip_segmentation: str({ enum: ['true', 'false'] })
    },
    ['file']
  ),
  ChatRequest: obj(
    {
      message: str({ minLength: 1, maxLength: 8000 }),
      conversation_id: uuid,
      product_ids: arr(uuid),
      reference_images: arr(imageInput),
      agent: str({ enum: ['auto', 'asset', 'discover'], default: 'auto' })
    },
    ['message']
  ),
  ConversionEvent: obj(
    {
      event_name: str({ examples: ['Purchase', 'Lead', 'AddToCart'] }),
      event_time: int({ description: 'Unix seconds; at most 7 days old and not in the future.' }),
      event_id: str(),
      action_source: str({
        enum: ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other']
      }),
      event_source_url: str({ format: 'uri' }),
      user_data: { type: 'object', minProperties: 1, additionalProperties: true },
      custom_data: { type: 'object', additionalProperties: true }
    },
    ['event_name', 'event_time', 'action_source', 'user_data']
  ),
  KeyCreate: obj({ name: str({ minLength: 1, maxLength: 100 }), scopes: arr(ref('Scope'), { minItems: 1 }) }, ['name'])
}
